// Copied from AdsHan/dotnet-nbomber-load-testing src/LoadTesting.ConsoleApp/Program.cs (commit 684b889); only the using lines changed.
// This top-level program is the test assembly's entry point; AdsHanProgramTests invokes it.
using LoadTesting.ConsoleApp.Scenarios;
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.CSharp;

var httpClient = new HttpClient();

var scenarioGetAllProducts = GetAllProducts.CreateScenario(httpClient);
var scenarioGetProductById = GetProductById.CreateScenario(httpClient);
var scenarioPostProduct = PostProduct.CreateScenario(httpClient);

NBomberRunner
    .RegisterScenarios(scenarioGetAllProducts, scenarioGetProductById, scenarioPostProduct)
    .WithReportFileName("products_report")
    .WithReportFolder("./reports/products")
    .WithReportFormats(ReportFormat.Txt, ReportFormat.Csv, ReportFormat.Html, ReportFormat.Md)
    .Run();
