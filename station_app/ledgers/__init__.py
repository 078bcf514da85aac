"""Excel ledgers (台账): templates, imports that preview and validate every row, and exports."""
