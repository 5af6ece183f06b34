// bottleneck/light.js is the build of Bottleneck without Redis clustering that the Octokit
// retry and throttling plugins already load; it shares the typings of the full build.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
