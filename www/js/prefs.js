// prefs.js: the high-contrast toggle. It sets data-contrast="high" on <html>
// and remembers the choice in localStorage when storage is available.

const KEY = 'claimlens.contrast';

function read() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function write(value) {
  try {
    localStorage.setItem(KEY, value);
  } catch {
    /* storage unavailable (private mode, blocked): the choice lasts this visit */
  }
}

export function setupContrast(button) {
  const stored = read();
  let high = stored ? stored === 'high' : matchMedia('(prefers-contrast: more)').matches;
  const apply = () => {
    if (high) document.documentElement.dataset.contrast = 'high';
    else delete document.documentElement.dataset.contrast;
    button.setAttribute('aria-pressed', String(high));
  };
  apply();
  button.addEventListener('click', () => {
    high = !high;
    apply();
    write(high ? 'high' : 'normal');
  });
}
