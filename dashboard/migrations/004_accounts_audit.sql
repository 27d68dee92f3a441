-- 004: who may sign in (accounts) and what everyone did (audit_log). Plain, constraint-free tables:
-- the store makes the ids (max + 1 inside the write transaction). Times are UTC.

CREATE TABLE accounts (
    account_id    INTEGER NOT NULL,
    username      VARCHAR NOT NULL,   -- unique by the store's check, compared lower-cased
    email         VARCHAR,            -- for single sign-on: an identity provider's e-mail maps to this account
    role          VARCHAR NOT NULL,   -- viewer | analyst | steward | admin (dashboard/auth/permissions.py)
    provinces     VARCHAR,            -- comma-separated GB/T 2260 codes; NULL = every province
    password_hash VARCHAR,            -- argon2id; NULL = no password sign-in (SSO only)
    disabled      BOOLEAN NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);

CREATE TABLE audit_log (
    event_id  BIGINT NOT NULL,
    happened_at TIMESTAMP NOT NULL,
    actor     VARCHAR,                -- account name, the name typed at a failed sign-in, or the OS user (CLI)
    via       VARCHAR NOT NULL,       -- app | sso | cli | local (single-user mode)
    source    VARCHAR,                -- client IP address (app) or host name (CLI)
    action    VARCHAR NOT NULL,       -- sign_in, import, revert, demo_remove, download, user_add, ...
    outcome   VARCHAR NOT NULL,       -- ok | failed | locked | refused
    detail    VARCHAR                 -- JSON: filters, row counts, batch ids; never a password
);
