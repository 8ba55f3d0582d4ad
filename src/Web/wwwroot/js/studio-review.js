// Moderation: each button posts the admin's decision for its design.
(() => {
    const list = document.querySelector(".review-list");
    if (!list) return;
    // The page's words, in the admin's language (data-texts, written by the server).
    const texts = JSON.parse(list.dataset.texts || "{}");
    list.querySelectorAll("li").forEach(item => {
        const status = item.querySelector("[role=status]");
        item.querySelectorAll("button[data-decision]").forEach(button => button.addEventListener("click", async () => {
            const decision = button.dataset.decision;
            const body = decision === "Reject" ? { decision, reason: item.querySelector("[data-reason]").value } : { decision };
            const response = await fetch("/api/admin/designs/" + item.dataset.design + "/review", {
                method: "POST",
                headers: { "Content-Type": "application/json", "X-Requested-With": "XMLHttpRequest" },
                body: JSON.stringify(body),
            });
            status.textContent = response.ok
                ? (decision === "Approve" ? texts.approved : texts.rejected)
                : (texts.notSaved || "{0}").replace("{0}", response.status);
            if (response.ok) item.querySelectorAll("button, select").forEach(control => control.disabled = true);
        }));
    });
})();
