import { createApp } from 'vue';
import 'stream-chat-element';
import App from './App.vue';

createApp(App).mount('#app');
