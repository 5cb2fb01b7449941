// The call page's review tools: per item a review form (confirm or set the outcome, mark
// findings wrong or right, comment), "add a missed finding" from words selected in the
// transcript (or a typed time span), disputes, and resolving them. Each posts to the JSON API
// (the sign-in cookie authenticates) and reloads the page to show the new scores.
(function () {
  "use strict";

  function post(url, body, status) {
    if (status) status.textContent = "Saving…";
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(body),
    })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (b) {
          return { ok: r.ok, status: r.status, body: b };
        });
      })
      .then(function (res) {
        if (!res.ok) {
          if (status) {
            status.textContent = res.body.message || ("Not saved (HTTP " + res.status + ").");
            status.classList.add("review-error");
          }
          return false;
        }
        if (status) status.textContent = "Saved.";
        window.location.reload();
        return true;
      });
  }

  // --- per item: outcome, finding marks, comment ----------------------------------------------

  Array.prototype.forEach.call(document.querySelectorAll(".review-form"), function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var rubric = form.dataset.rubric;
      var actions = [];
      var outcome = form.elements.outcome.value;
      var comment = form.elements.comment.value.trim();
      if (outcome === "__confirm") actions.push({ rubric: rubric, action: "confirm" });
      else if (outcome) actions.push({ rubric: rubric, action: "set_outcome", outcome: outcome });
      var boxes = document.querySelectorAll('.finding-wrong[form="' + form.id + '"]');
      Array.prototype.forEach.call(boxes, function (box) {
        var before = box.dataset.initial;
        // Only changes are sent: checked → wrong; a finding judged wrong before, unchecked → right.
        if (box.checked && before !== "wrong") actions.push({ rubric: rubric, action: "finding_wrong", finding: +box.dataset.index });
        else if (!box.checked && before === "wrong") actions.push({ rubric: rubric, action: "finding_right", finding: +box.dataset.index });
      });
      if (comment) {
        if (actions.length) actions[0].comment = comment;
        else actions.push({ rubric: rubric, action: "comment", comment: comment });
      }
      var status = form.querySelector(".review-status");
      if (!actions.length) {
        status.textContent = "Nothing to save: choose an outcome, mark a finding or write a comment.";
        return;
      }
      post(form.dataset.api, { actions: actions }, status);
    });
  });

  // --- add a missed finding from selected words ---------------------------------------------

  var adder = document.getElementById("add-finding");
  var transcript = document.getElementById("transcript");

  function textOffset(container, node, offset) {
    var r = document.createRange();
    r.setStart(container, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  // The time of a character position in an utterance: its share of the utterance's text.
  function timeAt(utt, chars) {
    var p = utt.querySelector(".utt-text");
    var len = Math.max(1, p.textContent.length);
    var t0 = parseFloat(utt.dataset.start), t1 = parseFloat(utt.dataset.end);
    return t0 + (t1 - t0) * Math.min(1, Math.max(0, chars / len));
  }

  function fromSelection() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    var range = sel.getRangeAt(0);
    var a = range.startContainer, b = range.endContainer;
    var ua = a.nodeType === 1 ? a.closest(".utt") : a.parentElement && a.parentElement.closest(".utt");
    var ub = b.nodeType === 1 ? b.closest(".utt") : b.parentElement && b.parentElement.closest(".utt");
    if (!ua || !ub || !transcript.contains(ua) || !transcript.contains(ub)) return;
    var pa = ua.querySelector(".utt-text"), pb = ub.querySelector(".utt-text");
    if (!pa.contains(a) && a !== pa) return;
    if (!pb.contains(b) && b !== pb) return;
    var start = timeAt(ua, textOffset(pa, a, range.startOffset));
    var end = timeAt(ub, textOffset(pb, b, range.endOffset));
    var ids = [], inside = false;
    Array.prototype.forEach.call(transcript.querySelectorAll(".utt"), function (u) {
      if (u === ua) inside = true;
      if (inside) ids.push(u.id);
      if (u === ub) inside = false;
    });
    adder.elements.start.value = start.toFixed(2);
    adder.elements.end.value = Math.max(end, start + 0.01).toFixed(2);
    adder.elements.quote.value = sel.toString().trim().slice(0, 4000);
    adder.elements.utterance_ids.value = ids.join(" ");
    adder.classList.add("add-finding-filled");
  }

  if (adder && transcript) {
    transcript.addEventListener("mouseup", function () { window.setTimeout(fromSelection, 0); });
    transcript.addEventListener("keyup", function () { window.setTimeout(fromSelection, 0); });
    adder.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var el = adder.elements;
      var action = {
        rubric: el.rubric.value,
        action: "finding_added",
        start: parseFloat(el.start.value),
        end: parseFloat(el.end.value),
        quote: el.quote.value.trim(),
        utterance_ids: el.utterance_ids.value ? el.utterance_ids.value.split(" ") : [],
        comment: el.comment.value.trim(),
      };
      post(adder.dataset.api, { actions: [action] }, adder.querySelector(".review-status"));
    });
  }

  // --- disputes -------------------------------------------------------------------------------

  var dispute = document.getElementById("dispute-form");
  if (dispute) {
    dispute.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var target = dispute.elements.target.value;
      var body = { comment: dispute.elements.comment.value.trim() };
      if (target) {
        var parts = target.split(":");
        body.rubric = parts[0];
        if (parts.length > 1) body.finding = +parts[1];
      }
      post(dispute.dataset.api, body, dispute.querySelector(".review-status"));
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".resolve-form"), function (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var action = {
        rubric: form.dataset.rubric || null,
        action: "comment",
        comment: form.elements.comment.value.trim() || "resolved",
        resolves: +form.dataset.dispute,
      };
      post(form.dataset.api, { actions: [action] }, form.querySelector(".review-status"));
    });
  });
})();
