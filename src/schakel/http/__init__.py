"""HTTP helpers every app's web interface shares: form base classes (`forms`) and small
request helpers (`requests`). No domain app owns this package and it knows no domain rule;
it sits below every app, so any view may use it."""
