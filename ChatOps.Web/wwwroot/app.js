// Keeps the message mirror on its newest line (called by MessageMirror after a render, unless paused).
window.chatops = {
  scrollToEnd: function (element) {
    if (element) {
      element.scrollTop = element.scrollHeight;
      window.chatops.stickToEnd(element);
    }
  },
  // A box shown on its newest line stays there when it or its lines change size (the window resized, the layout's
  // share of the height changed, a line re-rendered taller), unless the teacher has scrolled up to read (app.css turns
  // the browser's scroll anchoring off for such a box: it moves the box by a pixel on a reflow, which reads as the
  // teacher scrolling up).
  stickToEnd: function (element) {
    if (element.chatopsStick || !window.ResizeObserver || !window.MutationObserver) {
      return;
    }
    var stick = element.chatopsStick = { atEnd: true };
    element.addEventListener("scroll", function () {
      stick.atEnd = element.scrollHeight - element.scrollTop - element.clientHeight < 8;
    }, { passive: true });
    var sizes = new ResizeObserver(function () {
      if (stick.atEnd) {
        element.scrollTop = element.scrollHeight;
      }
    });
    var watch = function (line) { sizes.observe(line, { box: "border-box" }); };
    sizes.observe(element);
    Array.prototype.forEach.call(element.children, watch);
    // Lines come and go with each render: each is watched while it is there.
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) { if (node.nodeType === 1) { watch(node); } });
        change.removedNodes.forEach(function (node) { if (node.nodeType === 1) { sizes.unobserve(node); } });
      });
    }).observe(element, { childList: true });
  },
  // The browser's IANA time zone (e.g. "Europe/Paris"): the dashboard shows every time in it.
  timeZone: function () {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  },
  // Dark or light: the teacher's last choice in this browser, else the browser's own preference (prefers-color-scheme).
  theme: {
    key: "chatops.theme",
    isDark: function () {
      var stored = null;
      try {
        stored = window.localStorage.getItem(this.key);
      } catch (e) {
        // Storage refused (a locked-down browser): follow the preference only.
      }
      if (stored === "dark" || stored === "light") {
        return stored === "dark";
      }
      return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    },
    remember: function (dark) {
      try {
        window.localStorage.setItem(this.key, dark ? "dark" : "light");
      } catch (e) {
        // Not remembered, still switched.
      }
    }
  }
};

// Pages without a circuit (the students' join page) cannot switch the theme provider: they carry both palettes and
// this attribute picks one, as the dashboard would (the stored choice, else the browser's preference).
document.documentElement.setAttribute("data-chatops-theme", window.chatops.theme.isDark() ? "dark" : "light");
