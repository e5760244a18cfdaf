// Keeps Get help now available offline: the service worker stores this page as it loads.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(function () {
    // Without a service worker the page still works online; nothing to tell the person.
  });
}

/*
 * Shows the person's safety plan from the copy the app keeps on this device
 * (localStorage `closer.safetyPlan`: {sections: {name: [text, ...]}, updatedAt}). Every item
 * is put in as text, never as markup, so nothing in the plan can change the page.
 */
(function showSafetyPlan() {
  var MAX_ITEMS = 20;
  var section = document.getElementById('my-safety-plan');
  if (!section) return;
  var plan;
  try {
    var raw = window.localStorage.getItem('closer.safetyPlan');
    if (!raw) return;
    plan = JSON.parse(raw);
  } catch {
    // Storage switched off, or a damaged copy: the help lines above are what matters.
    return;
  }
  if (!plan || typeof plan !== 'object' || !plan.sections || typeof plan.sections !== 'object') {
    return;
  }
  var shown = 0;
  var parts = section.querySelectorAll('[data-section]');
  for (var index = 0; index < parts.length; index += 1) {
    var part = parts[index];
    var items = plan.sections[part.getAttribute('data-section')];
    if (!Array.isArray(items)) continue;
    var list = part.querySelector('ul');
    if (!list) continue;
    var count = 0;
    for (var item = 0; item < items.length && count < MAX_ITEMS; item += 1) {
      if (typeof items[item] !== 'string' || items[item].trim() === '') continue;
      var entry = document.createElement('li');
      entry.textContent = items[item];
      list.appendChild(entry);
      count += 1;
    }
    if (count > 0) {
      part.hidden = false;
      shown += count;
    }
  }
  if (shown === 0) return;
  var updated = document.getElementById('my-plan-updated');
  if (updated && typeof plan.updatedAt === 'string') {
    var date = new Date(plan.updatedAt);
    var template = updated.getAttribute('data-template') || '';
    if (!isNaN(date.getTime()) && template) {
      var day = date.toLocaleDateString(document.documentElement.lang || undefined, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      });
      updated.textContent = template.replace('{date}', day);
      updated.hidden = false;
    }
  }
  section.hidden = false;
})();
