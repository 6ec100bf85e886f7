/*
 * Cobra webchat widget loader (GPL-3.0-or-later). A creditor's site includes
 *   <script src="https://<cobra-host>/webchat.js"></script>
 *   <script>CobraWebchat.mount({ token: '<deep-link token or empty>', lang: 'es' });</script>
 * and gets a chat button that opens the debtor chat (/chat/<token>) in an iframe. The chat runs on the
 * Cobra origin, so the host page never sees the conversation and the chat never sees the host page.
 */
(function (global) {
  'use strict';
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, global.location.href).origin : global.location.origin;

  function chatUrl(options) {
    var url = origin + '/chat/' + (options.token ? encodeURIComponent(options.token) : '');
    return options.lang ? url + '?lang=' + encodeURIComponent(options.lang) : url;
  }

  function mount(options) {
    options = options || {};
    var label = options.label || (options.lang === 'en' ? 'Chat with us' : 'Chatea con nosotros');
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('data-cobra-webchat', 'launcher');
    button.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483000;padding:12px 18px;' +
      'border:0;border-radius:24px;background:#0b5cad;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;';
    var frame = null;
    button.addEventListener('click', function () {
      if (!frame) {
        frame = document.createElement('iframe');
        frame.src = chatUrl(options);
        frame.title = label;
        frame.setAttribute('data-cobra-webchat', 'frame');
        frame.style.cssText = 'position:fixed;right:16px;bottom:72px;z-index:2147483000;width:min(380px,calc(100vw - 32px));' +
          'height:min(600px,calc(100vh - 96px));border:1px solid #d8dde3;border-radius:12px;background:#fff;' +
          'box-shadow:0 8px 24px rgba(0,0,0,.18);';
        document.body.appendChild(frame);
        button.setAttribute('aria-expanded', 'true');
        frame.focus();
        return;
      }
      var open = frame.style.display !== 'none';
      frame.style.display = open ? 'none' : 'block';
      button.setAttribute('aria-expanded', open ? 'false' : 'true');
    });
    document.body.appendChild(button);
    return { button: button, url: chatUrl(options) };
  }

  global.CobraWebchat = { mount: mount, chatUrl: chatUrl };
})(window);
