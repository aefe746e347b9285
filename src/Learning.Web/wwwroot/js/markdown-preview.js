// Live preview of Markdown fields: a textarea with data-preview="#target" and data-preview-url posts
// its text (with the form's anti-forgery token) and shows the server's rendering, the same readers get.
// Without JavaScript, the form's "Preview" button does the same.
(function () {
  document.querySelectorAll('textarea[data-preview]').forEach(function (area) {
    var target = document.querySelector(area.dataset.preview);
    var form = area.form;
    var timer;
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new FormData();
        body.append(area.name, area.value);
        var token = form.querySelector('input[name="__RequestVerificationToken"]');
        if (token) { body.append(token.name, token.value); }
        fetch(area.dataset.previewUrl, { method: 'POST', body: body, credentials: 'same-origin' })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (html) { if (html !== null) { target.innerHTML = html; } });
      }, 400);
    });
  });
})();
