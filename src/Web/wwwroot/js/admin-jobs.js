// Live progress of long admin actions (AdminJobs): every element [data-testid=admin-job][data-job=NAME] shows
// where the action NAME stands, pushed by /hubs/admin-jobs while it runs in the background.
(function () {
    const targets = document.querySelectorAll('[data-testid="admin-job"][data-job]');
    if (targets.length === 0 || typeof signalR === 'undefined') return;
    // The hub sends status codes; the page shows them in words (data-status-words, written by the server in its language).
    const inWords = (target, status) => (target.dataset.statusWords ? JSON.parse(target.dataset.statusWords)[status] : null) || status;
    const show = job => {
        targets.forEach(target => {
            if (target.dataset.job === job.name) {
                target.textContent = `${inWords(target, job.status)}: ${job.message}`;
                target.dataset.status = job.status;
            }
        });
    };
    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/admin-jobs').withAutomaticReconnect().build();
    connection.on('AdminJobChanged', show);
    const catchUp = () => connection.invoke('GetJobs').then(jobs => jobs.forEach(show));
    connection.onreconnected(catchUp);
    connection.start().then(catchUp).catch(() => { /* the page still shows where the action stood when it loaded */ });
})();
