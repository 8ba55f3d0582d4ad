// Upload with a progress bar: XMLHttpRequest reports upload progress, fetch does not.
(function () {
    const form = document.getElementById("upload-form");
    const progress = document.getElementById("progress");
    const progressText = document.getElementById("progress-text");
    const errors = document.getElementById("upload-errors");
    // The page's words in its language (data-texts, written by the server); English if missing.
    const texts = JSON.parse(form.dataset.texts || "{}");
    const say = (key, english) => texts[key] || english;

    function showProblem(status, text) {
        let problem;
        try { problem = JSON.parse(text); } catch { problem = null; }
        const lines = [];
        if (problem && problem.title) lines.push(problem.title);
        if (problem && problem.errors) {
            for (const messages of Object.values(problem.errors)) lines.push(...messages);
        }
        if (lines.length === 0) lines.push(status === 413 ? "The photo is too large." : "The upload did not succeed (" + status + ").");
        errors.replaceChildren(...[...new Set(lines)].map(line => { const p = document.createElement("p"); p.textContent = line; return p; }));
    }

    form.addEventListener("submit", event => {
        event.preventDefault();
        errors.replaceChildren();
        const file = document.getElementById("photo").files[0];
        if (!file) { showProblem(400, JSON.stringify({ title: "Choose a photo first." })); return; }

        const data = new FormData();
        data.append("format", document.getElementById("format").value);
        data.append("photo", file, file.name);

        const request = new XMLHttpRequest();
        request.open("POST", "/api/designs");
        request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
        progress.hidden = false;
        progress.value = 0;
        request.upload.addEventListener("progress", e => {
            if (e.lengthComputable) {
                progress.value = Math.round(100 * e.loaded / e.total);
                progressText.textContent = say("uploading", "Uploading…") + " " + progress.value + " %";
            }
        });
        request.upload.addEventListener("load", () => { progressText.textContent = say("checking", "Checking and cleaning the photo…"); });
        request.addEventListener("load", () => {
            if (request.status === 201) {
                const answer = JSON.parse(request.responseText);
                progressText.textContent = say("done", "Done.");
                window.location.href = "/Studio/Design/" + answer.designId;
            } else {
                progress.hidden = true;
                progressText.textContent = "";
                showProblem(request.status, request.responseText);
            }
        });
        request.addEventListener("error", () => {
            progress.hidden = true;
            showProblem(0, JSON.stringify({ title: "The upload was interrupted. Is the file smaller than 25 MB?" }));
        });
        request.send(data);
    });
})();
