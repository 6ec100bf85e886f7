import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './ConsoleApp.jsx';

createRoot(document.getElementById('root')).render(<ConsoleApp />);
