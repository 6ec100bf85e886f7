import { createRoot } from 'react-dom/client';
import { KpiApp } from './KpiApp.jsx';

createRoot(document.getElementById('root')).render(<KpiApp />);
