// rapporteur serve: reloads this tab when the site is rebuilt, and shows the content's
// problems without a reload. Injected by `rapporteur serve` only; built sites never have it.
(function () {
  "use strict";
  var events = new EventSource(
    "/__rapporteur/events?page=" + encodeURIComponent(location.pathname)
  );
  events.addEventListener("reload", function () {
    location.reload();
  });
  events.addEventListener("problems", function (event) {
    var previous = document.getElementById("rapporteur-overlay");
    if (previous) {
      previous.remove();
    }
    document.body.insertAdjacentHTML("beforeend", JSON.parse(event.data).html);
  });
})();
