// The upload form: send the file with upload progress, then follow the scoring job until it
// is done, then link to the call. The API's error messages are shown as they are.
(function () {
  "use strict";

  var form = document.getElementById("upload-form");
  if (!form) return;
  var $ = function (id) { return document.getElementById(id); };
  var panel = $("upload-status");
  var button = $("upload-button");
  var uploadBar = $("upload-progress");
  var uploadPct = $("upload-pct");
  var uploadLabel = $("upload-label");
  var jobRow = $("job-row");
  var jobBar = $("job-progress");
  var jobPct = $("job-pct");
  var message = $("upload-message");
  var errorBox = $("upload-error");
  var done = $("upload-done");
  var callLink = $("call-link");
  var maxBytes = parseInt(form.dataset.maxBytes, 10) || 0;
  var pollTimer = null;

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
    message.textContent = "";
    button.disabled = false;
  }

  function setBar(bar, pct, fraction) {
    if (fraction === null) {
      bar.removeAttribute("value");
      pct.textContent = "";
    } else {
      bar.value = fraction;
      pct.textContent = Math.round(fraction * 100) + "%";
    }
  }

  function fieldError(input, text) {
    input.setAttribute("aria-invalid", "true");
    input.focus();
    panel.hidden = false;
    showError(text);
  }

  form.addEventListener("input", function (ev) { ev.target.removeAttribute("aria-invalid"); });

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (pollTimer) clearTimeout(pollTimer);
    errorBox.hidden = true;
    done.hidden = true;
    jobRow.hidden = true;
    var file = $("audio").files[0];
    if (!file) return fieldError($("audio"), "Choose a recording to upload.");
    if (!$("agent_id").value.trim()) return fieldError($("agent_id"), "Enter the agent's id.");
    if (maxBytes && file.size > maxBytes) {
      return fieldError($("audio"), file.name + " is " + (file.size / 1048576).toFixed(1) +
        " MB; the limit is " + (maxBytes / 1048576).toFixed(0) + " MB.");
    }
    var data = new FormData();
    data.append("audio", file, file.name);
    ["agent_id", "call_time", "tz", "team", "queue", "customer_ref", "language", "layout", "agent_channel", "redact"].forEach(function (name) {
      var v = form.elements[name].value.trim();
      if (v !== "") data.append(name, v);
    });

    panel.hidden = false;
    button.disabled = true;
    uploadLabel.textContent = "Uploading " + file.name;
    setBar(uploadBar, uploadPct, 0);
    message.textContent = "Uploading…";

    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/v1/calls");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) setBar(uploadBar, uploadPct, e.loaded / e.total);
    });
    xhr.addEventListener("load", function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
      if (xhr.status === 202 || xhr.status === 200) {
        setBar(uploadBar, uploadPct, 1);
        uploadLabel.textContent = "Uploaded " + file.name;
        callLink.href = "/calls/" + encodeURIComponent(body.call_id);
        if (body.duplicate) {
          message.textContent = "This recording was uploaded before (call " + body.call_id + ").";
        }
        if (body.job_id && body.status !== "done") {
          followJob(body.job_url || "/v1/jobs/" + encodeURIComponent(body.job_id), body.duplicate);
        } else {
          finished(body.duplicate ? message.textContent : "Scored.");
        }
        return;
      }
      var why = body.message || ("The server answered HTTP " + xhr.status + ".");
      if (xhr.status === 401) why += " Sign in again.";
      setBar(uploadBar, uploadPct, 0);
      uploadLabel.textContent = "Not uploaded";
      showError(why);
    });
    xhr.addEventListener("error", function () { showError("The upload failed: the server could not be reached."); });
    xhr.addEventListener("abort", function () { showError("The upload was cancelled."); });
    xhr.send(data);
  });

  function finished(text) {
    message.textContent = text;
    done.hidden = false;
    button.disabled = false;
    callLink.focus();
  }

  function followJob(url, duplicate) {
    jobRow.hidden = false;
    setBar(jobBar, jobPct, null);
    if (!duplicate) message.textContent = "Uploaded. Waiting for a worker to score it…";
    var delay = 1000;
    var poll = function () {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (b) { return { ok: r.ok, status: r.status, body: b }; });
        })
        .then(function (res) {
          if (!res.ok) {
            showError(res.body.message || ("Can't read the job (HTTP " + res.status + ")."));
            return;
          }
          var j = res.body;
          if (j.status === "done") {
            setBar(jobBar, jobPct, 1);
            finished("Scored. The call is ready.");
            return;
          }
          if (j.status === "failed") {
            setBar(jobBar, jobPct, 0);
            showError("Scoring failed: " + (j.error || "no message"));
            done.hidden = false;
            return;
          }
          if (j.status === "running") {
            setBar(jobBar, jobPct, j.progress || 0);
            message.textContent = "Transcribing and scoring…";
          } else {
            setBar(jobBar, jobPct, null);
            message.textContent = "Queued: waiting for a free worker…";
          }
          delay = 1000;
          pollTimer = setTimeout(poll, delay);
        })
        .catch(function () {
          message.textContent = "Lost contact with the server; retrying…";
          delay = Math.min(delay * 2, 15000);
          pollTimer = setTimeout(poll, delay);
        });
    };
    pollTimer = setTimeout(poll, 300);
  }

  $("upload-another").addEventListener("click", function () {
    if (pollTimer) clearTimeout(pollTimer);
    form.reset();
    panel.hidden = true;
    button.disabled = false;
    $("audio").focus();
  });
})();
