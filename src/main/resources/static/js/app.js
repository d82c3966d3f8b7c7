// htmx requests that change something carry the CSRF token from the page's meta tag.
document.addEventListener('htmx:configRequest', function (e) {
  var meta = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (meta && header) { e.detail.headers[header.content] = meta.content; }
});
