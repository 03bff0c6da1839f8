import { createRouter, createWebHashHistory } from 'vue-router'
import LibraryView from './views/LibraryView.vue'
import ReaderView from './views/ReaderView.vue'
import SourcesView from './views/SourcesView.vue'

/** The app's routes: library, reader, sources and briefings, in the URL's hash. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'library', component: LibraryView },
    { path: '/clippings/:id', name: 'reader', component: ReaderView, props: true },
    { path: '/sources', name: 'sources', component: SourcesView },
    { path: '/sources/:id', name: 'source', component: SourcesView, props: true },
    { path: '/briefings', name: 'briefings', component: () => import('./views/BriefingsView.vue') },
    {
      path: '/briefings/:id',
      name: 'briefing',
      component: () => import('./views/BriefingView.vue'),
      props: true
    },
    { path: '/:rest(.*)*', redirect: '/' }
  ]
})
