import { createRoot } from 'react-dom/client';
import { connect } from './transport/connect';

const transport = connect();
function App() {
  return <div>Vigil</div>;
}
void transport.request('session.get', {}).then((s) => console.log(s));
createRoot(document.getElementById('root')!).render(<App />);
