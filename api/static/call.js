// The call page: findings, highlighted words and transcript times seek the player and play;
// the timeline shows where the player is; a call still being scored follows its job.
(function () {
  "use strict";

  var audio = document.getElementById("player");
  var transcript = document.getElementById("transcript");
  var playhead = document.getElementById("playhead");
  var timeline = document.getElementById("timeline");
  var utterances = transcript ? Array.prototype.slice.call(transcript.querySelectorAll(".utt")) : [];
  var playing = null;

  function duration() {
    if (audio && isFinite(audio.duration) && audio.duration > 0) return audio.duration;
    return audio ? parseFloat(audio.getAttribute("data-duration")) || 0 : 0;
  }

  function seek(t, play) {
    if (!audio) return;
    var go = function () {
      audio.currentTime = Math.max(0, t);
      if (play) {
        var p = audio.play();
        if (p && p.catch) p.catch(function () { /* the user can press play */ });
      }
    };
    if (audio.readyState >= 1) {
      go();
    } else {
      audio.addEventListener("loadedmetadata", go, { once: true });
      if (audio.networkState === 0 || audio.preload === "none") audio.load();
    }
  }

  function utteranceAt(t) {
    for (var i = 0; i < utterances.length; i++) {
      var u = utterances[i];
      if (parseFloat(u.dataset.start) <= t && t < parseFloat(u.dataset.end)) return u;
    }
    return null;
  }

  function scrollTranscriptTo(el) {
    if (!transcript || !el) return;
    var box = transcript.getBoundingClientRect();
    var r = el.getBoundingClientRect();
    if (transcript.scrollHeight > transcript.clientHeight + 4 && (r.top < box.top || r.bottom > box.bottom)) {
      transcript.scrollTop += r.top - box.top - box.height / 3;
    }
  }

  function activate(finding) {
    document.querySelectorAll(".finding.active").forEach(function (b) {
      b.classList.remove("active");
      b.removeAttribute("aria-current");
    });
    document.querySelectorAll(".utt.utt-active").forEach(function (u) { u.classList.remove("utt-active"); });
    if (!finding) return;
    finding.classList.add("active");
    finding.setAttribute("aria-current", "true");
    var ids = (finding.dataset.utterances || "").split(" ").filter(Boolean);
    var first = null;
    ids.forEach(function (id) {
      var u = document.getElementById(id);
      if (u) {
        u.classList.add("utt-active");
        first = first || u;
      }
    });
    scrollTranscriptTo(first || utteranceAt(parseFloat(finding.dataset.seek)));
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-seek]");
    if (!el || !audio) return;
    ev.preventDefault();
    var t = parseFloat(el.dataset.seek);
    if (!isFinite(t)) return;
    if (el.classList.contains("finding")) {
      activate(el);
    } else if (el.classList.contains("hl") || el.classList.contains("tl-mark")) {
      var match = findingAt(t);
      if (match) activate(match);
    }
    seek(t, true);
  });

  function findingAt(t) {
    var all = document.querySelectorAll(".finding");
    for (var i = 0; i < all.length; i++) {
      if (Math.abs(parseFloat(all[i].dataset.seek) - t) < 0.05) return all[i];
    }
    return null;
  }

  // A click on the timeline (not on a finding mark) seeks to that point of the call.
  if (timeline) {
    timeline.addEventListener("click", function (ev) {
      if (ev.target.closest("[data-seek]")) return;
      var r = timeline.getBoundingClientRect();
      var d = duration();
      if (d > 0 && r.width > 0) seek(d * (ev.clientX - r.left) / r.width, true);
    });
  }

  if (audio) {
    audio.addEventListener("timeupdate", function () {
      var t = audio.currentTime;
      var d = duration();
      if (playhead && d > 0) {
        var x = (1000 * Math.min(t, d) / d).toFixed(2);
        playhead.setAttribute("x1", x);
        playhead.setAttribute("x2", x);
      }
      var u = utteranceAt(t);
      if (u !== playing) {
        if (playing) playing.classList.remove("utt-playing");
        if (u) u.classList.add("utt-playing");
        playing = u;
      }
    });
  }

  // #t=12.5 (links from the scorecard's worst calls): cue the player and show the finding.
  function fromHash() {
    var m = /^#t=([0-9.]+)$/.exec(window.location.hash);
    if (!m) return;
    var t = parseFloat(m[1]);
    var f = findingAt(t);
    if (f) {
      activate(f);
      f.scrollIntoView({ block: "center" });
    }
    seek(t, false);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  // A call still being scored: follow its job, and reload when the score is in.
  var job = document.getElementById("job");
  var url = job && job.dataset.jobUrl;
  if (url) {
    var status = document.getElementById("job-status");
    var bar = document.getElementById("job-progress");
    var delay = 1500;
    var poll = function () {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (body) { return { ok: r.ok, status: r.status, body: body }; });
        })
        .then(function (res) {
          if (!res.ok) {
            status.textContent = res.body.message || "Can't read the job's progress (HTTP " + res.status + ").";
            if (res.status === 401) return;
            delay = Math.min(delay * 2, 15000);
            return setTimeout(poll, delay);
          }
          var j = res.body;
          if (j.status === "done") {
            status.textContent = "Done: loading the results…";
            bar.value = 1;
            window.location.reload();
            return;
          }
          if (j.status === "failed") {
            status.textContent = "Scoring failed: " + (j.error || "no message");
            status.classList.add("alert", "alert-error");
            bar.hidden = true;
            return;
          }
          if (j.status === "running") {
            bar.value = j.progress || 0;
            bar.textContent = Math.round((j.progress || 0) * 100) + "%";
            status.textContent = "Running: " + Math.round((j.progress || 0) * 100) + "% done.";
          } else {
            bar.removeAttribute("value");
            status.textContent = "Queued: waiting for a free worker.";
          }
          delay = 1500;
          setTimeout(poll, delay);
        })
        .catch(function () {
          status.textContent = "Lost contact with the server; retrying…";
          delay = Math.min(delay * 2, 15000);
          setTimeout(poll, delay);
        });
    };
    setTimeout(poll, delay);
  }
})();
