// Keeps the message mirror on its newest line (called by MessageMirror after a render, unless paused).
window.chatops = {
  scrollToEnd: function (element) {
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  },
  // The browser's IANA time zone (e.g. "Europe/Paris"): the dashboard shows every time in it.
  timeZone: function () {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  }
};
