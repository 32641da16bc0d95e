import { setDataSource } from '../ui/data-source';
import { localData } from '../ui/local-data';
import { mount } from '../ui/mount';
import { App } from './App';

setDataSource(localData);
mount(<App />);
