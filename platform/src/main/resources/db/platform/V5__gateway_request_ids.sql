-- The request ids of the gateway's signatures on writes this service accepted, so that a captured signature is not
-- accepted a second time by any replica within its window (a minute either side). Unlogged: the ids matter for two
-- minutes, and a crash forgetting them loses nothing a restart's minute of downtime does not cover.
CREATE UNLOGGED TABLE gateway_request (
    request_id VARCHAR(64) PRIMARY KEY,
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX gateway_request_seen_at ON gateway_request (seen_at);
