-- Writes sent with an Idempotency-Key: the first response is kept and replayed to a retry of the same request.
CREATE TABLE idempotent_request (
    actor_id        VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    completed       BOOLEAN      NOT NULL DEFAULT FALSE,
    response_status INTEGER,
    content_type    VARCHAR(200),
    response_body   BYTEA,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor_id, idempotency_key)
);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);
