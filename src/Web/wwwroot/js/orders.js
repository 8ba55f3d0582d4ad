// MyStamp orders in the browser: live status over SignalR (/hubs/orders) and the price on the order form.
// The hub only ever sends the signed-in customer's own orders; after a reconnect the page asks for the
// current status, so nothing missed while offline stays wrong on screen.
window.MyStampOrders = (() => {
    "use strict";

    // Belgian style in the page's language ("€ 23,50" in Dutch, "23,50 €" in French and German).
    const locale = `${document.documentElement.lang || "nl"}-BE`;
    const money = (amount, currency) =>
        new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2 }).format(Number(amount));
    // The hub sends status codes; the page shows them in words (data-status-words, written by the server in its language).
    const wordsElement = document.querySelector("[data-status-words]");
    const words = wordsElement ? JSON.parse(wordsElement.dataset.statusWords) : {};
    const inWords = status => words[status] || status;
    const brusselsTime = at => new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" }).format(new Date(at));

    function connect({ onStatus, onProgress, catchUp }) {
        const connection = new signalR.HubConnectionBuilder()
            .withUrl("/hubs/orders")
            .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
            .build();
        const indicator = document.querySelector("[data-testid=live-indicator]");
        const live = on => { if (indicator) indicator.hidden = !on; };
        if (onStatus) connection.on("OrderStatusChanged", onStatus);
        if (onProgress) connection.on("BulkOrderProgress", onProgress);

        const synchronise = async () => {
            if (catchUp) await catchUp(connection);
            live(true);
        };
        const start = async () => {
            try {
                await connection.start();
                await synchronise();
            } catch {
                live(false);
                setTimeout(start, 5000);
            }
        };
        connection.onreconnecting(() => live(false));
        connection.onreconnected(() => synchronise());
        // Automatic reconnection gives up after its last delay: keep trying, more slowly.
        connection.onclose(() => { live(false); setTimeout(start, 5000); });
        start();
        return connection;
    }

    function watchOrder(orderId) {
        const status = document.querySelector(`[data-testid=order-status][data-order-id="${orderId}"]`);
        const history = document.querySelector("[data-testid=order-history]");
        const times = history ? history.querySelectorAll("time") : [];
        let lastAt = times.length ? Date.parse(times[times.length - 1].getAttribute("datetime")) : 0;

        const apply = change => {
            if (!change || change.orderId !== orderId) return;
            const at = Date.parse(change.at);
            if (at < lastAt || (at === lastAt && status.dataset.status === change.status)) return;
            lastAt = at;
            status.dataset.status = change.status;
            status.textContent = inWords(change.status);
            if (history) {
                const item = document.createElement("li");
                const label = document.createElement("span");
                label.dataset.status = change.status;
                label.textContent = inWords(change.status);
                const time = document.createElement("time");
                time.setAttribute("datetime", change.at);
                time.textContent = brusselsTime(change.at);
                item.append(label, " ", time);
                history.append(item);
            }
            document.querySelectorAll("form[data-when]").forEach(form => {
                form.hidden = !form.dataset.when.split(" ").includes(change.status);
            });
        };
        connect({
            onStatus: apply,
            catchUp: async connection => apply(await connection.invoke("GetOrderStatus", orderId)),
        });
    }

    function watchList() {
        const apply = change => {
            document.querySelectorAll(`[data-order-status][data-order-id="${change.orderId}"]`)
                .forEach(element => { element.dataset.status = change.status; element.textContent = inWords(change.status); });
        };
        connect({
            onStatus: apply,
            catchUp: async connection => (await connection.invoke("GetMyOrders")).forEach(apply),
        });
    }

    function watchBulk(bulkOrderId) {
        const bar = document.querySelector("[data-testid=bulk-progress]");
        const text = name => document.querySelector(`[data-bulk-${name}]`);
        const show = progress => {
            bar.max = Math.max(progress.total, 1);
            bar.value = progress.processed;
            bar.textContent = `${progress.processed} / ${progress.total}`;
            text("processed").textContent = progress.processed;
            text("total").textContent = progress.total;
            text("failed").textContent = progress.failed;
            const status = text("status");
            const statusWords = JSON.parse(document.querySelector("[data-bulk-status-words]")?.dataset.bulkStatusWords || "{}");
            status.dataset.status = progress.status;
            status.textContent = statusWords[progress.status] || progress.status;
        };
        const refresh = async () => {
            const response = await fetch(`/api/pro/bulk-orders/${bulkOrderId}`, { headers: { Accept: "application/json" } });
            if (!response.ok) return;
            const bulk = await response.json();
            show(bulk);
            const body = document.querySelector("[data-testid=bulk-errors] tbody");
            body.replaceChildren(...bulk.errors.map(error => {
                const row = document.createElement("tr");
                const line = document.createElement("td");
                line.textContent = error.line;
                const message = document.createElement("td");
                message.textContent = error.message;
                row.append(line, message);
                return row;
            }));
        };
        connect({
            onProgress: progress => {
                if (progress.bulkOrderId !== bulkOrderId) return;
                show(progress);
                if (progress.status === "Completed") refresh();
            },
            catchUp: refresh,
        });
    }

    function watchPrice() {
        const form = document.querySelector("[data-testid=order-form]");
        const output = document.querySelector("[data-testid=order-price]");
        if (!form || !output) return;
        const update = async () => {
            const tariff = form.querySelector("input[name='Form.Tariff']:checked");
            const sheets = form.querySelector("input[name='Form.Sheets']");
            if (!tariff || !sheets.value) return;
            const query = new URLSearchParams({ tariff: tariff.value, sheets: sheets.value });
            const response = await fetch(`/api/orders/quote?${query}`, { headers: { Accept: "application/json" } });
            // The page's words in its language (data-texts, written by the server); English if missing.
            const texts = JSON.parse(form.dataset.texts || "{}");
            if (!response.ok) { output.textContent = texts.sheetsFrom || "Choose from 1 sheet up."; return; }
            const q = await response.json();
            const vat = (texts.vat || "VAT {0} %").replace("{0}", q.vatRate);
            output.replaceChildren(`${q.sheets} × ${money(q.sheetPrice, q.currency)} = ${money(q.net, q.currency)} + ${vat} ${money(q.vat, q.currency)} = `);
            const total = document.createElement("strong");
            total.textContent = money(q.total, q.currency);
            output.append(total);
        };
        form.addEventListener("change", update);
        form.addEventListener("input", event => { if (event.target.name === "Form.Sheets") update(); });
    }

    return { watchOrder, watchList, watchBulk, watchPrice };
})();
