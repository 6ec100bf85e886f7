import { createRoot } from 'react-dom/client';
import { DesignerApp } from './DesignerApp.jsx';

createRoot(document.getElementById('root')).render(<DesignerApp />);
