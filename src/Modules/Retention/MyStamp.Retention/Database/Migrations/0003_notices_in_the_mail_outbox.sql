-- Erasure notices now go through the Mail module's one outbox (mail_outbox). A notice still waiting in the old
-- table when a node of this version first starts is not carried over (its address is sealed under a purpose of
-- the old table); the customer still sees the notice on every page and on the profile in those thirty days.
DROP TABLE IF EXISTS retention_notices;
