// Keeps the message mirror on its newest line (called by MessageMirror after a render, unless paused).
window.chatops = {
  scrollToEnd: function (element) {
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }
};
