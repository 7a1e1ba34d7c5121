-- What each message is (new_case, update, reminder, ...) in its own column, so that delivery can
-- fold a burst of one kind into a digest without reading every payload, and how a sent message
-- went out: NULL on its own, 'digest' folded into a digest with others.

ALTER TABLE outbox ADD COLUMN kind VARCHAR(20);
ALTER TABLE outbox ADD COLUMN sent_as VARCHAR(10);
UPDATE outbox SET kind = ${payload_type};

CREATE INDEX outbox_receiver_due ON outbox (receiver, status, due_at)
