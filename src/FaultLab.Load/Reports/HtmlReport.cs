namespace FaultLab.Load;
/// <summary>x</summary>
public static class HtmlReport { /// <summary>x</summary>
 /// <param name="result">r</param>
 public static string Render(LoadTestResult result) => ""; }
