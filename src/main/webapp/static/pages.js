// The pages work without this script (forms post and the page reloads); with it, a switch or a selector is
// saved at once without leaving the page, and the messages table refreshes itself.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function status(text, failed) {
    var line = document.getElementById("status");
    if (line) {
      line.textContent = text;
      line.classList.toggle("error", !!failed);
    }
  }

  function post(form, fields) {
    var body = new URLSearchParams(new FormData(form));
    Object.keys(fields || {}).forEach(function (name) { body.set(name, fields[name]); });
    // getAttribute: a form with a field named "action" hides its action property behind that field.
    return fetch(form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRF-Token": form.elements.csrf.value }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status === 401 ? "your session has ended; reload the page" : "the service answered " + response.status);
      }
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("input.switch")) {
      var form = target.form;
      var name = target.getAttribute("data-name");
      target.disabled = true;
      post(form, { enabled: String(target.checked) }).then(function () {
        form.elements.enabled.value = String(!target.checked);
        status("Saved: " + name + " is " + (target.checked ? "on." : "off."));
      }).catch(function (error) {
        target.checked = !target.checked;
        status("Not saved: " + error.message + ".", true);
      }).finally(function () {
        target.disabled = false;
        target.focus();
      });
    } else if (target.matches("form[data-autosave] select")) {
      var owner = target.form;
      post(owner).then(function () {
        status("Saved: " + owner.getAttribute("data-autosave").toLowerCase() + " is " + target.options[target.selectedIndex].text + ".");
      }).catch(function (error) {
        status("Not saved: " + error.message + ".", true);
      });
    }
  });

  var table = document.getElementById("messages");
  if (table && table.getAttribute("data-refresh")) {
    var note = document.getElementById("refreshed");
    setInterval(function () {
      if (document.hidden) {
        return;
      }
      fetch(table.getAttribute("data-refresh"), { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      }).then(function (html) {
        var rows = new DOMParser().parseFromString("<table>" + html + "</table>", "text/html").getElementById("message-rows");
        if (rows) {
          table.replaceChild(document.importNode(rows, true), document.getElementById("message-rows"));
          if (note) {
            note.textContent = "Refreshed at " + new Date().toLocaleTimeString() + "; the table refreshes itself every 5 seconds.";
          }
        }
      }).catch(function () {
        if (note) {
          note.textContent = "Could not refresh the table; trying again in 5 seconds.";
        }
      });
    }, 5000);
  }
}());
