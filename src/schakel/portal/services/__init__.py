"""Changes through the portal: by parents and young people (`family`, `consent`) and by the
professionals who answer them (`professionals`)."""
