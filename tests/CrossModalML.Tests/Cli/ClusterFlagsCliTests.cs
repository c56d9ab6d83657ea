using CrossModalML.Tests.TestSupport;

namespace CrossModalML.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class ClusterFlagsCliTests
{
    [TestMethod]
    public void Predict_refuses_a_cluster_that_is_not_host_and_port_before_reading_the_model()
    {
        using var temp = new TempDirectory();

        var (code, error) = CliRunner.Run("predict", "--model", temp.File("missing.zip"), "--input", RepositoryPaths.DemoPosts, "--output", temp.File("out.tsv"), "--cluster", "localhost");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--cluster takes HOST:PORT");
        Assert.IsFalse(File.Exists(temp.File("out.tsv")));
    }

    [TestMethod]
    public void A_worker_with_production_clustering_needs_a_connection_string()
    {
        var (code, error) = CliRunner.Run("worker", "--clustering", "redis");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--clustering redis needs --connection");
    }

    [TestMethod]
    public void A_worker_refuses_an_unknown_clustering()
    {
        var (code, error) = CliRunner.Run("worker", "--clustering", "zookeeper");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--clustering must be localhost, adonet or redis");
    }

    [TestMethod]
    public void A_kubernetes_worker_needs_production_clustering_and_is_told_so_by_flag()
    {
        var (code, error) = CliRunner.Run("worker", "--kubernetes");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--kubernetes needs AdoNet or Redis clustering");
    }

    [TestMethod]
    public void A_worker_refuses_one_port_for_silos_and_clients()
    {
        var (code, error) = CliRunner.Run("worker", "--port", "30000");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--port and --gateway-port must be two different ports");
    }

    [TestMethod]
    public void A_worker_refuses_a_negative_thread_count_by_its_flag()
    {
        var (code, error) = CliRunner.Run("worker", "--threads", "-1");

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--threads must be 0");
    }

    [TestMethod]
    public void Predict_refuses_a_data_root_that_is_not_a_folder_before_connecting()
    {
        using var temp = new TempDirectory();

        var (code, error) = CliRunner.Run(
            "predict", "--model", temp.File("missing.zip"), "--input", RepositoryPaths.DemoPosts, "--output", temp.File("out.tsv"),
            "--cluster", "127.0.0.1:30000", "--data-root", temp.File("no-such-folder"));

        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--data-root");
        StringAssert.Contains(error, "is not a folder on this machine");
        Assert.IsFalse(File.Exists(temp.File("out.tsv")));
    }
}
