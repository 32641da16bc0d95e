import { mount } from '../ui/mount';
import { App } from './App';
import './tooltip.css';

mount(<App />);
