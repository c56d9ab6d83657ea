// Each class deploys its own in-process cluster; one at a time keeps a 2-core machine from timing out silo start-up.
[assembly: DoNotParallelize]
