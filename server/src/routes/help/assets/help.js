// Keeps Get help now available offline: the service worker stores this page as it loads.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(function () {
    // Without a service worker the page still works online; nothing to tell the person.
  });
}
