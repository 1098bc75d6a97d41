// The access code of a card's QR code or an invitation link comes after "#" (never sent to the
// server, so it is in no access log). Put it into the field, drop it from the address and the
// history, and send the form by POST. Without JavaScript the code is typed by hand.
(function () {
  "use strict";
  var form = document.getElementById("zugangscode");
  var field = document.getElementById("id_code");
  var code = window.location.hash.replace(/^#/, "");
  if (!form || !field || !code || !/^[A-Za-z0-9-]{4,40}$/.test(code)) {
    return;
  }
  field.value = code;
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname);
  }
  form.submit();
})();
