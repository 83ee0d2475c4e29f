// A parcel service's load test as a console program with top-level statements: three scenarios, four report formats.
using FaultLab.Load.NBomber.Contracts.Stats;
using FaultLab.Load.NBomber.CSharp;
using Parcels.LoadTest;

using var http = new HttpClient();

NBomberRunner
    .RegisterScenarios(
        ParcelScenarios.ListParcels(http),
        ParcelScenarios.TrackParcel(http),
        ParcelScenarios.RegisterParcel(http))
    .WithReportFolder("./reports/parcels")
    .WithReportFileName("parcels_report")
    .WithReportFormats(ReportFormat.Csv, ReportFormat.Md, ReportFormat.Html, ReportFormat.Txt)
    .Run();
