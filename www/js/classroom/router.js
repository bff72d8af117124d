// router.js: the page's small hash router. "#classroom" opens the teacher view,
// "#exercise=<payload>" the student view, anything else the article checker.
// The classroom views live in <div id="classroom-view"> inside <main>; while one is
// shown, body[data-view] hides the checker's own sections (css/classroom.css).

const EXERCISE = '#exercise=';

/** 'classroom' | 'exercise' | 'page' for a location hash. */
export function viewOf(hash) {
  if (hash === '#classroom') return 'classroom';
  if (hash.startsWith(EXERCISE)) return 'exercise';
  return 'page';
}

/** Starts routing; calls startPage() once, the first time the checker itself is shown. */
export function startRouter(startPage) {
  const root = document.getElementById('classroom-view');
  const pageTitle = document.title;
  let pageStarted = false;
  let seq = 0;

  async function go() {
    const n = ++seq;
    const view = viewOf(location.hash);
    document.body.dataset.view = view;
    if (view === 'page') {
      root.hidden = true;
      root.replaceChildren();
      document.getElementById('cl-print')?.remove();
      delete document.documentElement.dataset.print;
      document.title = pageTitle;
      if (!pageStarted) {
        pageStarted = true;
        startPage();
      }
      return;
    }
    root.hidden = false;
    if (view === 'classroom') {
      const { showTeacher } = await import('./teacher.js');
      if (n === seq) showTeacher(root);
    } else {
      document.getElementById('cl-print')?.remove();
      delete document.documentElement.dataset.print;
      const { showStudent } = await import('./student.js');
      if (n === seq) showStudent(root, location.hash.slice(EXERCISE.length));
    }
  }

  addEventListener('hashchange', go);
  go();
}
