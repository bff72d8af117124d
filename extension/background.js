// background.js: the claimlens extension's background script: a service
// worker in Chromium, an MV3 background script in Firefox (one file for both).
//
// - The toolbar button and the context-menu items ("Check sources on this page",
//   "Check selected text") open the side panel (Chromium) or the sidebar
//   (Firefox) and leave a check request { id, tabId, mode } in
//   storage.session, which the panel picks up. Clicking them is also what
//   grants activeTab for that tab: the extension has no host permissions.
// - The panel keeps a port open to this script and tells it which tabs it has
//   highlighted in; when the port closes (the panel was closed), the
//   highlights are removed from those tabs.
//
// No network requests, no remote code.

const api = globalThis.browser ?? globalThis.chrome;
const isFirefox = typeof api.sidebarAction?.open === 'function';

const MENU = {
  'claimlens-page': { title: 'Check sources on this page', contexts: ['page'], mode: 'page' },
  'claimlens-selection': { title: 'Check selected text', contexts: ['selection'], mode: 'selection' },
};

api.runtime.onInstalled.addListener(async () => {
  await api.contextMenus.removeAll();
  for (const [id, { title, contexts }] of Object.entries(MENU)) api.contextMenus.create({ id, title, contexts });
});

/**
 * Opens the panel. Must run synchronously inside the click handler: both
 * browsers allow it only while the user gesture lasts.
 */
function openPanel(tab) {
  if (isFirefox) return api.sidebarAction.open();
  return api.sidePanel.open({ windowId: tab.windowId });
}

async function request(tab, mode) {
  const req = { id: `${Date.now()}-${Math.random().toString(36).slice(2)}`, tabId: tab.id, mode, at: Date.now() };
  await api.storage.session.set({ request: req });
}

function onUserAction(tab, mode) {
  if (!tab?.id) return;
  const opened = openPanel(tab); // first: keeps the user gesture
  Promise.resolve(opened).catch(() => {});
  request(tab, mode).catch(() => {});
}

api.action.onClicked.addListener((tab) => onUserAction(tab, 'auto'));
api.contextMenus.onClicked.addListener((info, tab) => onUserAction(tab, MENU[info.menuItemId]?.mode ?? 'auto'));

// ---- highlights are removed when the panel closes ----------------------------

function clearTab(tabId) {
  return api.scripting
    .executeScript({ target: { tabId }, func: () => globalThis.claimlensContent?.clear() })
    .catch(() => {}); // the tab was closed, navigated, or access has lapsed
}

api.runtime.onConnect.addListener((port) => {
  if (port.name !== 'claimlens-panel') return;
  const tabs = new Set();
  port.onMessage.addListener((msg) => {
    if (msg?.type === 'highlighted' && Number.isInteger(msg.tabId)) tabs.add(msg.tabId);
  });
  port.onDisconnect.addListener(() => {
    for (const tabId of tabs) clearTab(tabId);
  });
});
