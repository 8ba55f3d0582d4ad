-- The orders overview: one row per order, for admin lists by status, "my orders" and the production
-- batch job. It holds no personal data: no address, no name, only the customer's random id, so that
-- erasing a customer's orders can delete their rows (O7).
CREATE TABLE IF NOT EXISTS orders_overview (
    order_id      uuid PRIMARY KEY,
    customer_id   uuid NOT NULL,
    design_id     uuid NOT NULL,
    status        text NOT NULL,
    status_at     timestamptz NOT NULL,
    tariff        text NOT NULL,
    sheets        integer NOT NULL,
    total         numeric(14, 2) NOT NULL,
    currency      text NOT NULL,
    placed_at     timestamptz NOT NULL,
    bulk_order_id uuid NULL
);

CREATE INDEX IF NOT EXISTS orders_overview_by_status ON orders_overview (status, status_at);
CREATE INDEX IF NOT EXISTS orders_overview_by_customer ON orders_overview (customer_id, placed_at DESC);
