"""Who may do what: accounts, roles, province scopes, sign-in and the audit trail.

``permissions`` is the one table of rights (pages, CLI and downloads all ask it); ``accounts`` holds
password hashing, the lockout rule and single sign-on's role mapping (pure functions); ``session``
is the Streamlit side (sign-in page, the gate before navigation, page guards). Every SQL statement
lives in :mod:`dashboard.store.auth`.
"""
