import { mount } from 'svelte';
import 'stream-chat-element';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
