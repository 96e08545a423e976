import 'katex/dist/katex.min.css';
import './custom.css';
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import ExperimentResult from './components/ExperimentResult.vue';
import Playground from './components/Playground.vue';
import ReproductionGallery from './components/ReproductionGallery.vue';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('Playground', Playground);
    app.component('ExperimentResult', ExperimentResult);
    app.component('ReproductionGallery', ReproductionGallery);
  },
} satisfies Theme;
