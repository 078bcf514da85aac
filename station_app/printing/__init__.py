"""PDF documents of the station (referral slips, reports) drawn with ReportLab; no Qt."""
