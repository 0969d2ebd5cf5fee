/*
 * Survey steps and conditions in the browser, so moving between steps feels instant.
 *
 * The page works without this file: every step is a form post and the server decides which
 * steps and questions to show (participation/surveys/steps.py). This file applies the same
 * rules as the respondent answers; the server checks everything again when the answers are
 * sent, and that check is the one that counts.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-survey-steps]");
  if (!form) return;

  var steps = Array.prototype.slice.call(form.querySelectorAll(".survey-step"));
  var stepInput = form.querySelector('input[name="step"]');
  var indicator = form.querySelector(".step-indicator");
  var consent = form.querySelector(".survey-consent");
  var nextButton = form.querySelector("[data-step-next]");
  var sendButton = form.querySelector("[data-step-send]");
  var backButton = form.querySelector("[data-step-back]");
  var stepLabel = form.getAttribute("data-step-label");
  var current = Number(stepInput.value);

  function parse(condition) {
    if (!condition) return null;
    var at = condition.indexOf("=");
    return { key: condition.slice(0, at), value: condition.slice(at + 1) };
  }

  /* What has been chosen so far, as the server reads it: a single checkbox (no value
     attribute) as "True"/"False", choices as their stored positions. */
  function answers() {
    var chosen = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name) return;
      var values = chosen[element.name] || (chosen[element.name] = []);
      if (element.type === "checkbox" && !element.hasAttribute("value")) {
        values.push(element.checked ? "True" : "False");
      } else if (element.type === "checkbox" || element.type === "radio") {
        if (element.checked) values.push(element.value);
      } else if (element.tagName === "SELECT") {
        Array.prototype.forEach.call(element.selectedOptions, function (option) {
          if (option.value) values.push(option.value);
        });
      } else if (element.value) {
        values.push(element.value);
      }
    });
    return chosen;
  }

  function holds(condition, chosen, shown) {
    if (!condition) return true;
    return shown[condition.key] === true &&
      (chosen[condition.key] || []).indexOf(condition.value) !== -1;
  }

  /* Which steps and questions are shown: the same walk as steps.Plan.for_answers. */
  function plan() {
    var chosen = answers();
    var shown = {};
    var active = [];
    var undecided = 0;
    steps.forEach(function (step) {
      var condition = parse(step.getAttribute("data-show-when"));
      var stepShown = holds(condition, chosen, shown);
      var any = false;
      step.querySelectorAll(".survey-question").forEach(function (question) {
        var visible = stepShown &&
          holds(parse(question.getAttribute("data-show-when")), chosen, shown);
        if (visible) {
          shown[question.getAttribute("data-question")] = true;
          any = true;
        }
        question.hidden = !visible;
      });
      if (any) active.push(Number(step.getAttribute("data-step")));
      else if (condition && !(chosen[condition.key] || []).length) undecided += 1;
    });
    active.undecided = undecided;  /* steps that wait on an answer not given yet */
    return active;
  }

  function show(index, focus) {
    var active = plan();
    if (active.indexOf(index) === -1) index = active[0];
    current = index;
    stepInput.value = String(index);
    steps.forEach(function (step) {
      step.hidden = Number(step.getAttribute("data-step")) !== index;
    });
    var position = active.indexOf(index);
    var last = position === active.length - 1;
    if (indicator && stepLabel) {
      indicator.textContent = stepLabel
        .replace("__n__", String(position + 1))
        .replace("__total__", String(active.length + active.undecided));
      indicator.hidden = active.length + active.undecided < 2;
    }
    if (nextButton) nextButton.hidden = last;
    if (sendButton) sendButton.hidden = !last;
    if (backButton) backButton.hidden = position === 0;
    if (consent) consent.hidden = !last;
    if (focus) {
      var target = steps[index] && (steps[index].querySelector(".step-heading") ||
        steps[index].querySelector("input, select, textarea"));
      if (target) target.focus();
    }
    return active;
  }

  /* The browser's own checks (required, min, max, e-mail) on the questions of this step. */
  function stepIsValid() {
    var step = form.querySelector('.survey-step[data-step="' + current + '"]');
    var fields = step.querySelectorAll(".survey-question:not([hidden]) input, " +
      ".survey-question:not([hidden]) select, .survey-question:not([hidden]) textarea");
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].checkValidity()) {
        fields[i].reportValidity();
        return false;
      }
    }
    return true;
  }

  form.querySelectorAll(".condition-hint").forEach(function (hint) { hint.hidden = true; });
  form.addEventListener("change", function () { show(current, false); });

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-step-next], button[data-step-back]");
    if (!button) return;
    var active = plan();
    var position = active.indexOf(current);
    if (button.hasAttribute("data-step-next")) {
      if (!stepIsValid()) { event.preventDefault(); return; }
      if (position < active.length - 1) {
        event.preventDefault();
        show(active[position + 1], true);
      }
    } else if (position > 0) {
      event.preventDefault();
      show(active[position - 1], true);
    }
  });

  show(current, false);
})();
