// Crop editor with a live preview. Crops are kept in pixels of the stored photo; the screen shows a
// smaller copy, so every position is scaled between the two. The live preview draws the stamp the way
// the server does: the picture inside a white margin whose edges are bitten by round perforation holes.
(function () {
    const editor = document.getElementById("editor");
    const design = JSON.parse(editor.dataset.design);
    const formats = JSON.parse(editor.dataset.formats);
    const photo = document.getElementById("photo");
    const frame = document.getElementById("crop-frame");
    const box = document.getElementById("crop-box");
    const zoom = document.getElementById("zoom");
    const formatSelect = document.getElementById("format");
    const canvas = document.getElementById("live-preview");
    const saveStatus = document.getElementById("save-status");
    const W = design.widthPx, H = design.heightPx;
    let crop = { ...design.crop };
    // The page's words in its language (data-texts, written by the server); English if missing.
    const texts = JSON.parse(editor.dataset.texts || "{}");
    const say = (key, english) => texts[key] || english;

    const formatOf = name => formats.find(f => f.format === name);
    const aspectOf = f => f.pictureWidthMm / f.pictureHeightMm;

    function largest(f) {
        const a = aspectOf(f);
        return W / H >= a ? { width: Math.min(W, Math.round(H * a)), height: H } : { width: W, height: Math.min(H, Math.round(W / a)) };
    }

    function sizeFor(f, t) {
        // t in [0, 1]: from the smallest printable crop to the largest that fits.
        const max = largest(f), a = aspectOf(f);
        const width = Math.round(f.minWidthPx + t * (max.width - f.minWidthPx));
        return { width, height: Math.min(max.height, Math.round(width / a)) };
    }

    function clamp(c) {
        c.x = Math.max(0, Math.min(W - c.width, Math.round(c.x)));
        c.y = Math.max(0, Math.min(H - c.height, Math.round(c.y)));
        return c;
    }

    function setZoomFromCrop() {
        const f = formatOf(formatSelect.value), max = largest(f);
        zoom.value = max.width === f.minWidthPx ? 1000 : Math.round(1000 * (crop.width - f.minWidthPx) / (max.width - f.minWidthPx));
    }

    function resize(t) {
        const f = formatOf(formatSelect.value);
        const centreX = crop.x + crop.width / 2, centreY = crop.y + crop.height / 2;
        const size = sizeFor(f, t);
        crop = clamp({ x: centreX - size.width / 2, y: centreY - size.height / 2, ...size });
        render();
    }

    function render() {
        const scale = photo.clientWidth / W;
        box.style.left = crop.x * scale + "px";
        box.style.top = crop.y * scale + "px";
        box.style.width = crop.width * scale + "px";
        box.style.height = crop.height * scale + "px";
        drawPreview();
    }

    function drawPreview() {
        const f = formatOf(formatSelect.value);
        const perMm = 12, margin = f.marginMm * perMm;
        const w = Math.round((f.pictureWidthMm + 2 * f.marginMm) * perMm), h = Math.round((f.pictureHeightMm + 2 * f.marginMm) * perMm);
        canvas.width = w; canvas.height = h;
        const g = canvas.getContext("2d");
        g.clearRect(0, 0, w, h);
        g.fillStyle = "#fff";
        g.fillRect(0, 0, w, h);
        // Perforation: holes centred on the edges, corners included, evenly spaced.
        g.globalCompositeOperation = "destination-out";
        const pitch = 1.6 * perMm, radius = 0.5 * perMm;
        for (const [length, edge] of [[w, "h"], [h, "v"]]) {
            const steps = Math.max(2, Math.round(length / pitch)), step = length / steps;
            for (let i = 0; i <= steps; i++) {
                for (const side of edge === "h" ? [0, h] : [0, w]) {
                    g.beginPath();
                    if (edge === "h") g.arc(i * step, side, radius, 0, 2 * Math.PI); else g.arc(side, i * step, radius, 0, 2 * Math.PI);
                    g.fill();
                }
            }
        }
        g.globalCompositeOperation = "source-over";
        if (photo.complete && photo.naturalWidth > 0) {
            const s = photo.naturalWidth / W;
            g.drawImage(photo, crop.x * s, crop.y * s, crop.width * s, crop.height * s, margin, margin, w - 2 * margin, h - 2 * margin);
        }
    }

    // Dragging the crop box.
    let drag = null;
    box.addEventListener("pointerdown", e => {
        if (design.ordered) return;
        drag = { x: e.clientX, y: e.clientY, start: { ...crop } };
        box.setPointerCapture(e.pointerId);
    });
    box.addEventListener("pointermove", e => {
        if (!drag) return;
        const scale = photo.clientWidth / W;
        crop = clamp({ ...drag.start, x: drag.start.x + (e.clientX - drag.x) / scale, y: drag.start.y + (e.clientY - drag.y) / scale });
        render();
    });
    box.addEventListener("pointerup", () => { drag = null; });
    box.addEventListener("keydown", e => {
        const step = Math.max(1, Math.round(W / 100));
        const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
        if (!moves[e.key] || design.ordered) return;
        e.preventDefault();
        crop = clamp({ ...crop, x: crop.x + moves[e.key][0], y: crop.y + moves[e.key][1] });
        render();
    });
    zoom.addEventListener("input", () => resize(zoom.value / 1000));
    formatSelect.addEventListener("change", () => {
        const size = largest(formatOf(formatSelect.value));
        crop = clamp({ x: (W - size.width) / 2, y: (H - size.height) / 2, ...size });
        setZoomFromCrop();
        render();
    });

    document.getElementById("save").addEventListener("click", async () => {
        saveStatus.textContent = say("saving", "Saving…");
        const response = await fetch("/api/designs/" + design.designId, {
            method: "PUT",
            headers: { "Content-Type": "application/json", "X-Requested-With": "XMLHttpRequest" },
            body: JSON.stringify({ format: formatSelect.value, crop: { x: crop.x, y: crop.y, width: crop.width, height: crop.height } }),
        });
        if (response.ok) {
            const saved = await response.json();
            saveStatus.textContent = say("saved", "Saved. The design waits for review again.");
            document.getElementById("status").textContent = saved.status === "PendingReview" ? say("pending", "Waiting for review") : saved.status;
            document.getElementById("server-preview").src = saved.previewUrl + "?v=" + Date.now();
        } else {
            const problem = await response.json().catch(() => null);
            const details = problem && problem.errors ? Object.values(problem.errors).flat().join(" ") : "";
            saveStatus.textContent = ((problem && problem.title) || say("notSaved", "Not saved.")) + " " + details;
        }
    });

    photo.addEventListener("load", () => { setZoomFromCrop(); render(); });
    window.addEventListener("resize", render);
    if (photo.complete) { setZoomFromCrop(); render(); }
})();
