"""Excel ledgers in the counter app: the import dialog and the ledger menu of the pages."""
