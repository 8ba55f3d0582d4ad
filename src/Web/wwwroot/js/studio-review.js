// Moderation: each button posts the admin's decision for its design.
document.querySelectorAll(".review-list li").forEach(item => {
    const status = item.querySelector("[role=status]");
    item.querySelectorAll("button[data-decision]").forEach(button => button.addEventListener("click", async () => {
        const decision = button.dataset.decision;
        const body = decision === "Reject" ? { decision, reason: item.querySelector("[data-reason]").value } : { decision };
        const response = await fetch("/api/admin/designs/" + item.dataset.design + "/review", {
            method: "POST",
            headers: { "Content-Type": "application/json", "X-Requested-With": "XMLHttpRequest" },
            body: JSON.stringify(body),
        });
        status.textContent = response.ok ? (decision === "Approve" ? "Approved." : "Rejected.") : "Not saved (" + response.status + ").";
        if (response.ok) item.querySelectorAll("button, select").forEach(control => control.disabled = true);
    }));
});
