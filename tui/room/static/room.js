// Keeps the room page live: each saved change arrives as a server-sent event holding the
// whole view (already escaped by the server), and the time left counts down between them.
"use strict";
(function () {
  var room = document.getElementById("room");
  if (!room || !window.EventSource) {
    return;
  }
  var received = Date.now();
  var left = null;

  function clock(seconds) {
    var s = Math.abs(seconds);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var r = s % 60;
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return h ? h + ":" + two(m) + ":" + two(r) : two(m) + ":" + two(r);
  }

  function tick() {
    var span = room.querySelector("[data-left]");
    if (!span || left === null) {
      return;
    }
    var now = left - Math.floor((Date.now() - received) / 1000);
    var template = now >= 0 ? span.dataset.leftText : span.dataset.overText;
    span.textContent = template.replace("{time}", clock(now));
    span.classList.toggle("over", now < 0);
  }

  var view = new URLSearchParams(window.location.search).get("view") || "";
  var source = new EventSource("events" + (view ? "?view=" + encodeURIComponent(view) : ""));
  source.onmessage = function (event) {
    var data = JSON.parse(event.data);
    room.innerHTML = data.html;
    left = typeof data.left === "number" ? data.left : null;
    received = Date.now();
    tick();
    if (data.gone) {
      source.close();
    }
  };
  var first = room.querySelector("[data-left]");
  if (first) {
    left = parseInt(first.dataset.left, 10);
  }
  window.setInterval(tick, 1000);
})();
